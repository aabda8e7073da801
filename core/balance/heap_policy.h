#pragma once
// How Shuiheng's processes keep their heap. A reconciliation of a 100,000-stream plant works in
// about 40 MB that it allocates and frees again; glibc hands freed memory at the top of the heap
// back to the kernel, so the next reconciliation takes some 3,000 page faults to get it back, each
// with a page to clear: 15 to 20 % of its time (docs/benchmarks.md). The programs reconcile over
// and over (the live balance at every reading, serial elimination, the meter advice), so they keep
// what they freed for the next call instead. Process-wide: called once at the start of main().

namespace shuiheng::balance {

/// Keeps freed heap memory in the process (glibc: no trimming, no separate mappings below 32 MB);
/// elsewhere it does nothing. The price is that the process stays at its peak size.
void keepFreedMemory();

} // namespace shuiheng::balance
