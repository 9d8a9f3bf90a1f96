/* SPDX-License-Identifier: MIT */
/*
 * A strict RFC 5545 checker of a whole calendar, the one used by
 * tests/unit/test_ics.c and the writers' fuzz target (fuzz/fuzz_writers.c):
 * CRLF line endings, physical lines of at most 75 octets, a fold never
 * inside a UTF-8 sequence, every line valid UTF-8 without control
 * characters (RFC 5545 3.1, CONTROL), BEGIN/END nesting, the required
 * properties, TEXT values escaped (3.3.11: every , ; and \ escaped, only
 * \\ \; \, \n \N), all-day dates. check_ics returns 0, or -1 with
 * the reason in ics_why. Header only (static functions): include it once.
 */
#ifndef RH_TESTS_ICS_CHECK_H
#define RH_TESTS_ICS_CHECK_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runhip/util.h"

static char ics_why[256];

static int fail(const char *fmt, long a)
{
    snprintf(ics_why, sizeof ics_why, fmt, a);
    return -1;
}

static bool is_date8(const char *s)
{
    if (strlen(s) != 8)
        return false;
    for (int i = 0; i < 8; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    int32_t d;
    char iso[11];
    snprintf(iso, sizeof iso, "%.4s-%.2s-%.2s", s, s + 4, s + 6);
    return rh_date_parse(iso, &d) == 0;
}

/* TEXT value: every , ; and \ escaped; only \\ \; \, \n \N escapes. */
static bool text_ok(const char *v)
{
    for (const char *p = v; *p; p++) {
        if (*p == ',' || *p == ';')
            return false;
        if (*p == '\\') {
            if (!p[1] || !strchr("\\;,nN", p[1]))
                return false;
            p++;
        }
    }
    return true;
}

/* Returns 0 when text is a valid calendar of n_events events, else -1 with why. */
static int check_ics(const char *text, size_t len, int *n_events)
{
    *n_events = 0;
    /* physical lines: CRLF only, at most 75 octets, no control characters */
    char *unf = malloc(len + 1);
    size_t ul = 0;
    long lineno = 0;
    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && text[j] != '\r' && text[j] != '\n')
            j++;
        lineno++;
        if (j >= len || text[j] != '\r' || j + 1 >= len || text[j + 1] != '\n') {
            free(unf);
            return fail("line %ld does not end in CRLF", lineno);
        }
        if (j - i > 75) {
            free(unf);
            return fail("line %ld is longer than 75 octets", lineno);
        }
        for (size_t k = i; k < j; k++)
            if (((unsigned char)text[k] < 0x20 && text[k] != '\t') || text[k] == 0x7f) {
                free(unf);
                return fail("control character on line %ld", lineno);
            }
        /* the file is UTF-8 (RFC 5545 3.1.4), each physical line on its own
         * since a fold never splits a character */
        for (size_t k = i; k < j;) {
            uint32_t c;
            size_t w = rh_utf8_decode(text + k, j - k, &c);
            if (w == 0) {
                free(unf);
                return fail("invalid UTF-8 on line %ld", lineno);
            }
            k += w;
        }
        /* a fold must not split a UTF-8 sequence */
        if (j + 2 < len && text[j + 2] == ' ' && j + 3 < len &&
            ((unsigned char)text[j + 3] & 0xC0) == 0x80) {
            free(unf);
            return fail("fold after line %ld splits a UTF-8 character", lineno);
        }
        if (text[i] == ' ' || text[i] == '\t') {
            if (ul == 0) {
                free(unf);
                return fail("continuation on line %ld has nothing to continue", lineno);
            }
            ul--; /* drop the \n of the previous logical line */
            memcpy(unf + ul, text + i + 1, j - i - 1);
            ul += j - i - 1;
        } else {
            memcpy(unf + ul, text + i, j - i);
            ul += j - i;
        }
        unf[ul++] = '\n';
        i = j + 2;
    }
    unf[ul] = '\0';
    /* logical lines */
    char stack[8][16];
    int depth = 0, rc = 0;
    bool version = false, prodid = false, ended = false;
    bool uid = false, stamp = false, start = false, end = false, summary = false, desc = false;
    char uids[512][96];
    int nuid = 0;
    char *save = NULL;
    for (char *l = strtok_r(unf, "\n", &save); l && !rc; l = strtok_r(NULL, "\n", &save)) {
        char *colon = strchr(l, ':');
        if (ended) {
            rc = fail("content after END:VCALENDAR", 0);
            break;
        }
        if (!colon || colon == l) {
            rc = fail("a line without NAME:VALUE", 0);
            break;
        }
        *colon = '\0';
        const char *name = l, *value = colon + 1;
        for (const char *p = name; *p && *p != ';'; p++)
            if (!((*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-')) {
                rc = fail("bad property name", 0);
                break;
            }
        if (rc)
            break;
        if (strcmp(name, "BEGIN") == 0) {
            if (depth == 0 && strcmp(value, "VCALENDAR") != 0)
                rc = fail("the file does not start with BEGIN:VCALENDAR", 0);
            else if (depth == 1 && strcmp(value, "VEVENT") != 0)
                rc = fail("unexpected component", 0);
            else if (depth >= 2)
                rc = fail("components nested too deep", 0);
            else {
                snprintf(stack[depth++], sizeof stack[0], "%s", value);
                uid = stamp = start = end = summary = desc = false;
            }
            continue;
        }
        if (strcmp(name, "END") == 0) {
            if (depth == 0 || strcmp(stack[depth - 1], value) != 0) {
                rc = fail("END does not match BEGIN", 0);
                break;
            }
            depth--;
            if (strcmp(value, "VEVENT") == 0) {
                if (!(uid && stamp && start && end && summary && desc))
                    rc = fail("an event lacks UID, DTSTAMP, DTSTART, DTEND, SUMMARY or "
                              "DESCRIPTION", 0);
                (*n_events)++;
            } else {
                if (!version || !prodid)
                    rc = fail("the calendar lacks VERSION or PRODID", 0);
                ended = true;
            }
            continue;
        }
        if (depth == 0) {
            rc = fail("a property outside VCALENDAR", 0);
            break;
        }
        if (depth == 1) {
            if (strcmp(name, "VERSION") == 0)
                version = strcmp(value, "2.0") == 0;
            if (strcmp(name, "PRODID") == 0)
                prodid = *value != '\0';
            if (strcmp(name, "X-WR-CALNAME") == 0 && !text_ok(value))
                rc = fail("unescaped , ; or \\ in a TEXT value", 0);
            continue;
        }
        if (strcmp(name, "UID") == 0) {
            uid = *value != '\0';
            for (int k = 0; k < nuid; k++)
                if (strcmp(uids[k], value) == 0)
                    rc = fail("UID used twice", 0);
            if (nuid < 512)
                snprintf(uids[nuid++], sizeof uids[0], "%s", value);
        } else if (strcmp(name, "DTSTAMP") == 0) {
            stamp = strlen(value) == 16 && value[8] == 'T' && value[15] == 'Z';
        } else if (strcmp(name, "DTSTART;VALUE=DATE") == 0) {
            start = is_date8(value);
        } else if (strcmp(name, "DTEND;VALUE=DATE") == 0) {
            end = is_date8(value);
        } else if (strcmp(name, "SUMMARY") == 0 || strcmp(name, "DESCRIPTION") == 0 ||
                   strcmp(name, "LOCATION") == 0 || strcmp(name, "COMMENT") == 0) {
            if (!text_ok(value))
                rc = fail("unescaped , ; or \\ in a TEXT value", 0);
            if (strcmp(name, "SUMMARY") == 0)
                summary = true;
            else if (strcmp(name, "DESCRIPTION") == 0)
                desc = true;
        }
    }
    if (!rc && (depth != 0 || !ended))
        rc = fail("BEGIN without END", 0);
    free(unf);
    return rc;
}

#endif
