// How one order's money is shared: each line's total goes to the operator (its commission), to
// the distributor whose territory the sale falls in (the manufacturer's territory share), and the
// rest to the seller. Integer minor units: each share is rounded down, and what rounding leaves
// stays with the seller, so the parts always sum to the line, and the lines to the order.

/** Basis points: 1 bp = 0.01 %. */
export const BP = 10_000

export interface SplitLine {
  /** The line's total, in minor units. */
  total: number
  /** The operator's commission on this line. */
  commissionBp: number
  /** The territory distributor's share of this line (0: none). */
  territoryBp: number
}

export interface Shares {
  commission: number
  territory: number
  seller: number
}

export function splitLine(line: SplitLine): Shares {
  if (!Number.isSafeInteger(line.total) || line.total < 0) throw new Error('splitLine: a total is a non-negative integer')
  if (line.commissionBp < 0 || line.territoryBp < 0 || line.commissionBp + line.territoryBp > BP) throw new Error('splitLine: shares are between 0 and 100 % together')
  // BigInt: a total times 10,000 may pass 2^53 for large amounts in currencies without decimals.
  const share = (bp: number) => Number((BigInt(line.total) * BigInt(bp)) / BigInt(BP))
  const commission = share(line.commissionBp)
  const territory = share(line.territoryBp)
  return { commission, territory, seller: line.total - commission - territory }
}

/** Each line's shares and the order's: the sum of every part is the order's total. */
export function splitOrder(lines: SplitLine[]): { lines: Shares[]; total: Shares } {
  const shares = lines.map(splitLine)
  const total = shares.reduce((a, s) => ({ commission: a.commission + s.commission, territory: a.territory + s.territory, seller: a.seller + s.seller }), { commission: 0, territory: 0, seller: 0 })
  return { lines: shares, total }
}
