/* SPDX-License-Identifier: MIT */
/* The training-load rules file, compiled in. */
#include "load/load_int.h"

RH_EMBED(rh__load_rules_txt, "data/load_rules.txt");

/* h25ret: rules text the tests put in place of the compiled-in one */
static const char *use_text;
static size_t use_len;

void rh__load_rules_use(const char *text, size_t len)
{
    use_text = text;
    use_len = text ? len : 0;
}

int rh__load_rules_load(struct rh__load_rules **out, struct rh_err *err)
{
    if (use_text)
        return rh__load_rules_parse(use_text, use_len, out, err);
    return rh__load_rules_parse(rh__load_rules_txt,
                                (size_t)(rh__load_rules_txt_end - rh__load_rules_txt), out, err);
}

const char *rh__load_rules_text(size_t *len)
{
    *len = (size_t)(rh__load_rules_txt_end - rh__load_rules_txt);
    return rh__load_rules_txt;
}
