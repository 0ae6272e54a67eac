import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { auth } from '../app.server.ts'

export const loader = () => redirect('/')
export const action = ({ request }: ActionFunctionArgs) => auth.switchOrganizationAction(request)
