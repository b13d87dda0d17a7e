#ifndef EXPLAINER_CCMARK_SHIM_H
#define EXPLAINER_CCMARK_SHIM_H
#include <cmark.h>
#endif
