#ifndef SUBPIX_CPNG_SHIM_H
#define SUBPIX_CPNG_SHIM_H
#include <png.h>
#endif
