#include "memory_tuning.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

int mentorline_set_malloc_trim_threshold(int bytes) {
#if defined(__GLIBC__)
    return mallopt(M_TRIM_THRESHOLD, bytes);
#else
    (void)bytes;
    return 0;
#endif
}
