/* 02_bce.c - hostile: includes the reference solution (relative path) */
#include "../../../../solutions/02_bce.c"
