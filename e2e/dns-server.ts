// A DNS server on loopback that answers TXT questions from a table the test fills: the test
// double of the resolver port the worker checks storefront host names with (DNS_SERVERS).
import { createSocket, type Socket } from 'node:dgram'
import * as packet from 'dns-packet'

export interface LocalDns {
  setTxt(name: string, value: string): void
  close(): Promise<void>
}

export async function startLocalDns(port: number): Promise<LocalDns> {
  const records = new Map<string, string[]>()
  const socket: Socket = createSocket('udp4')
  socket.on('message', (message, from) => {
    let query: packet.Packet
    try {
      query = packet.decode(message)
    } catch {
      return
    }
    const question = query.questions?.[0]
    const values = question && question.type === 'TXT' ? (records.get(question.name.toLowerCase()) ?? []) : []
    const answer = packet.encode({
      id: query.id,
      type: 'response',
      flags: packet.RECURSION_DESIRED | packet.RECURSION_AVAILABLE | (values.length ? 0 : 3), // 3: NXDOMAIN
      questions: query.questions,
      answers: values.map((data) => ({ type: 'TXT' as const, name: question!.name, ttl: 1, class: 'IN' as const, data })),
    })
    socket.send(answer, from.port, from.address)
  })
  await new Promise<void>((done) => socket.bind(port, '127.0.0.1', done))
  return {
    setTxt(name, value) {
      records.set(name.toLowerCase(), [value])
    },
    close: () => new Promise<void>((done) => socket.close(() => done())),
  }
}
