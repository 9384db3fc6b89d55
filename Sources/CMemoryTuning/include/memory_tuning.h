#ifndef MENTORLINE_MEMORY_TUNING_H
#define MENTORLINE_MEMORY_TUNING_H

/// Keeps up to `bytes` of freed heap memory in the process instead of returning it to the kernel
/// after every free (glibc's M_TRIM_THRESHOLD). Returns 1 on success, 0 where unsupported.
int mentorline_set_malloc_trim_threshold(int bytes);

#endif
