import type { ReactNode } from 'react'

// No favicon request (a 404 in the console the tests check).
export const metadata = { title: 'Quiltt on Next.js', icons: { icon: 'data:,' } }

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
