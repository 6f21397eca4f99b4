import { documentBody, documentRoot } from './dom'

/**
 * Locks page scroll, keeping the scrollbar's width as body padding so nothing shifts; the
 * returned function restores exactly the inline styles that were there.
 */
export function lockScroll(): () => void {
  const root = documentRoot()
  const body = documentBody()!
  const { style } = root
  // Longhands, so an overflow-y the page set itself comes back exactly.
  const saved = [style.overflowX, style.overflowY, body.style.paddingRight]
  const gap = innerWidth - root.clientWidth
  if (gap > 0) body.style.paddingRight = `calc(${getComputedStyle(body).paddingRight} + ${gap}px)`
  style.overflow = 'hidden'
  return () => {
    ;[style.overflowX, style.overflowY, body.style.paddingRight] = saved as [string, string, string]
  }
}
