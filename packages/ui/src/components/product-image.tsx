import { Package } from 'lucide-react'
import type { ProductImageView } from '@tradepost/domain/schemas'

/**
 * A product image from its WebP renditions: `srcset` lets the browser fetch the width the layout
 * needs (a phone does not download the desktop size), and width/height keep the layout still.
 * Images stored before resizing existed have no renditions and show the original.
 */
export function ProductImage({ image, alt, sizes, className, eager = false }: { image: ProductImageView; alt: string; sizes: string; className?: string; eager?: boolean }) {
  const url = (width?: number) => `/media/${image.id}${width ? `?w=${width}` : ''}`
  const widths = [...image.widths].sort((a, b) => a - b)
  return (
    <img
      src={widths.length ? url(widths[Math.min(1, widths.length - 1)]) : url()}
      srcSet={widths.length ? widths.map((w) => `${url(w)} ${w}w`).join(', ') : undefined}
      sizes={widths.length ? sizes : undefined}
      width={image.width ?? undefined}
      height={image.height ?? undefined}
      alt={alt}
      className={className}
      loading={eager ? undefined : 'lazy'}
      decoding="async"
    />
  )
}

/** A result's picture, decorative (its name is the link beside it); a neutral box without one. */
export function Thumb({ image, sizes = '96px', className = 'hit-thumb' }: { image: ProductImageView | null; sizes?: string; className?: string }) {
  if (!image)
    return (
      <span className={`${className} placeholder`} aria-hidden="true">
        <Package size={28} />
      </span>
    )
  return <ProductImage image={image} alt="" sizes={sizes} className={className} />
}
