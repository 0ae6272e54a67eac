import { hydrate } from '@tradepost/ui/entry/client.tsx'

void hydrate()
