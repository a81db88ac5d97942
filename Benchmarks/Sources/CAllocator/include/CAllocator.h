// The allocator calls the benchmarks need that Swift's Glibc module does not export: malloc_trim, which hands
// the allocator's free pages back to the kernel before resident memory is read.
#ifndef ADVOCATE_BENCHMARKS_C_ALLOCATOR_H
#define ADVOCATE_BENCHMARKS_C_ALLOCATOR_H

#ifdef __linux__
#include <malloc.h>
#endif

#endif
