/* SPDX-License-Identifier: MIT */
/* The web app's script (data/app.js: upload by drag and drop with progress),
 * compiled in and served as /app.js; no page has inline script. */
#include "runhip/util.h"

RH_EMBED(rh__server_app_js, "data/app.js");
