#pragma once
// Huge pages for the engine's largest arrays. On a plant of 100,000 streams a few arrays of several
// MB (the renumbered network, the edge estimates) are read or written out of order; with 4 KB pages
// nearly every such access also misses the TLB, and every 4 KB of a fresh allocation costs a page
// fault. Backed by 2 MB pages (Linux transparent huge pages, which this machine grants on request:
// "madvise" mode), the same array takes a handful of TLB entries and faults. The allocation stays
// an ordinary std::vector; only its memory is advised, before anything touches it.

#include <cstddef>
#include <vector>

namespace shuiheng::balance {

/// Asks for huge pages on the 2 MB-aligned part of [data, data + bytes) (nothing for less than a
/// few MB, or where the system does not offer them). Only memory not yet touched is affected.
void adviseHugePages(void* data, std::size_t bytes);

/// Reserves room for n elements in an empty vector and advises that memory as above: call before
/// filling it.
template <class T>
void reserveWithHugePages(std::vector<T>& v, std::size_t n) {
    v.reserve(n);
    adviseHugePages(v.data(), n * sizeof(T));
}

} // namespace shuiheng::balance
