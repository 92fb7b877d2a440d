/* 02_bce.c - hostile: includes the reference solution (absolute path) */
#include "/work/main/solutions/02_bce.c"
