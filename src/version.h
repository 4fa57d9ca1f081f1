#ifndef SMCON_VERSION_H
#define SMCON_VERSION_H
#define SMCON_VERSION "0.1.0"
#endif
