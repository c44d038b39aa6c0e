/* An empty ICU common-data library, as ICU's own stubdata/stubdata.cpp builds it: the symbol
 * libicuuc links to, holding a valid header and no entries. The Linux onedir ships it instead of
 * the 31 MB libicudata.so.73 from the PySide6 wheel: the app uses nothing Qt takes from ICU's data
 * (collation, legacy codecs, time zones by name); case mapping and normalisation are built into
 * libicuuc. Windows builds carry no ICU at all (Qt uses the system's). Built by kyojushien.spec. */
#include <stdint.h>

struct icu_data_header {
    uint16_t header_size;
    uint8_t magic1, magic2;
    struct {
        uint16_t size, reserved_word;
        uint8_t is_big_endian, charset_family, sizeof_uchar, reserved_byte;
        uint8_t data_format[4], format_version[4], data_version[4];
    } info;
    char padding[8];
    uint32_t count, reserved;
    uint32_t toc[4];
};

__attribute__((visibility("default"))) const struct icu_data_header icudt73_dat = {
    32, 0xda, 0x27, {20, 0, 0, 0, 2, 0, {0x54, 0x6f, 0x43, 0x50}, {1, 0, 0, 0}, {0, 0, 0, 0}}, {0}, 0, 0, {0}};
