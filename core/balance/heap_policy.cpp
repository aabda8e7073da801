#include "balance/heap_policy.h"

#include <cstdlib> // defines __GLIBC__ where glibc is the C library

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace shuiheng::balance {

void keepFreedMemory() {
#if defined(__GLIBC__)
    // Large blocks from the heap rather than each its own mapping (which is unmapped when freed),
    // up to glibc's largest threshold; and the heap's free top kept rather than trimmed.
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
}

} // namespace shuiheng::balance
