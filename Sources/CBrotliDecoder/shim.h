#ifndef EXPLAINER_CBROTLIDECODER_SHIM_H
#define EXPLAINER_CBROTLIDECODER_SHIM_H
#include <brotli/decode.h>
#endif
