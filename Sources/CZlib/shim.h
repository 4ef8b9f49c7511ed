#ifndef SUBPIX_CZLIB_SHIM_H
#define SUBPIX_CZLIB_SHIM_H
#include <zlib.h>

/* Inflates raw deflate data (a zip entry) into a buffer of the expected size.
   Returns Z_OK when exactly `expected` bytes came out, a zlib error otherwise. */
static inline int subpix_inflate_raw(const unsigned char *input, unsigned long input_size,
                                     unsigned char *output, unsigned long expected) {
    z_stream stream = {0};
    if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) return Z_MEM_ERROR;
    stream.next_in = (Bytef *)input;
    stream.avail_in = (uInt)input_size;
    stream.next_out = output;
    stream.avail_out = (uInt)expected;
    int status = inflate(&stream, Z_FINISH);
    unsigned long produced = stream.total_out;
    inflateEnd(&stream);
    if (status != Z_STREAM_END) return status == Z_OK || status == Z_BUF_ERROR ? Z_DATA_ERROR : status;
    return produced == expected ? Z_OK : Z_DATA_ERROR;
}
#endif
