#ifndef ECSH_CCRYPTO_SHIM_H
#define ECSH_CCRYPTO_SHIM_H
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>
#endif
