/* SPDX-License-Identifier: MIT */
/* The training-load rules file, compiled in. */
#include "load/load_int.h"

RH_EMBED(rh__load_rules_txt, "data/load_rules.txt");

int rh__load_rules_load(struct rh__load_rules **out, struct rh_err *err)
{
    return rh__load_rules_parse(rh__load_rules_txt,
                                (size_t)(rh__load_rules_txt_end - rh__load_rules_txt), out, err);
}

const char *rh__load_rules_text(size_t *len)
{
    *len = (size_t)(rh__load_rules_txt_end - rh__load_rules_txt);
    return rh__load_rules_txt;
}
