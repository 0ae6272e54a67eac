import type { LoaderFunctionArgs } from '@remix-run/node'
import { auth } from '../app.server.ts'

export const loader = ({ request, params }: LoaderFunctionArgs) => auth.mediaLoader(request, params.id ?? '')
