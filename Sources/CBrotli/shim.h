#ifndef EXPLAINER_CBROTLI_SHIM_H
#define EXPLAINER_CBROTLI_SHIM_H
#include <brotli/encode.h>
#endif
