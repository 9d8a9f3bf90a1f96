/* SPDX-License-Identifier: MIT */
/* Functions the library does not use: unbounded copies, static-buffer time
 * functions, and silent number parsing. Include last in a .c file. */
#ifndef RUNHIP_BANNED_H
#define RUNHIP_BANNED_H
#undef strcpy
#define strcpy(...) rh_banned_strcpy_use_snprintf
#undef strcat
#define strcat(...) rh_banned_strcat_use_rh_buf
#undef sprintf
#define sprintf(...) rh_banned_sprintf_use_snprintf
#undef strtok
#define strtok(...) rh_banned_strtok_use_strtok_r
#undef gmtime
#define gmtime(...) rh_banned_gmtime_use_rh_civil_from_days
#undef localtime
#define localtime(...) rh_banned_localtime_runhip_is_utc
#undef atoi
#define atoi(...) rh_banned_atoi_use_rh_parse_long
#endif
