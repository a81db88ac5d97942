// Header-only: this file exists because a C target needs at least one source.
#include "CAllocator.h"
