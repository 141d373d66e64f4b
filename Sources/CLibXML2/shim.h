#ifndef DSR_CLIBXML2_SHIM_H
#define DSR_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU; its headers then pull in ICU's, whose module map clashes
   with Foundation's copy of ICU in any Swift module that imports both. We never use the
   ICU-dependent API, so hide it. */
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlsave.h>

/* xmlFree is a global function pointer that Swift 6 refuses to read (shared mutable
   state); this wrapper gives Swift a plain function to call. */
static inline void dsr_xmlFree(void *pointer) { xmlFree(pointer); }

#endif
