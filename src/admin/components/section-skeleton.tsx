import { Container, Heading, Skeleton } from "@medusajs/ui"

export const SectionSkeleton = ({ title }: { title: string }) => (
  <Container className="divide-y p-0" aria-busy="true">
    <div className="px-6 py-4">
      <Heading level="h2">{title}</Heading>
    </div>
    <div className="grid grid-cols-2 gap-6 px-6 py-4 sm:grid-cols-4">
      {Array.from({ length: 4 }).map((_, i) => (
        <div key={i} className="flex flex-col gap-y-2">
          <Skeleton className="h-3 w-20" />
          <Skeleton className="h-5 w-24" />
        </div>
      ))}
    </div>
  </Container>
)
