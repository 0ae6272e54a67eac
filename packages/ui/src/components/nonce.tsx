import { createContext, useContext } from 'react'

/**
 * This page's Content-Security-Policy nonce (set by the server entry from the app server's
 * header): Remix's inline scripts carry it. Empty in the browser, which hides nonces anyway.
 */
export const NonceContext = createContext<string | undefined>(undefined)
export const useNonce = () => useContext(NonceContext)
