/* SPDX-License-Identifier: MIT */
/*
 * The FIT profile subset runhip reads: the slot table generated from
 * RH__FIT_PROFILE (fit_int.h) and the enum names for sport, sub_sport,
 * manufacturer and Garmin products. All numbers come from the public FIT
 * profile (Profile.xlsx of the Garmin FIT SDK, "Types" sheet). Names not in
 * these tables are shown as numbers by the callers.
 */
#include <stddef.h>

#include "fit/fit_int.h"
#include "util/banned.h"

const struct rh__fit_slot_info rh__fit_slots[RH__FIT_NSLOTS] = {
#define RH__FIT_SLOT_INFO(name, mesg, num, scale, offset) {mesg, num, scale, offset, 1.0 / (scale)},
    RH__FIT_PROFILE(RH__FIT_SLOT_INFO)
#undef RH__FIT_SLOT_INFO
};

uint8_t rh__fit_slot_find(uint16_t mesg, uint8_t num)
{
    for (unsigned i = 0; i < RH__FIT_NSLOTS; i++)
        if (rh__fit_slots[i].mesg == mesg && rh__fit_slots[i].num == num)
            return (uint8_t)i;
    return RH_FIT_NO_SLOT;
}

void rh__fit_slot_range(uint16_t mesg, uint8_t *lo, uint8_t *hi)
{
    unsigned i = 0;
    while (i < RH__FIT_NSLOTS && rh__fit_slots[i].mesg != mesg)
        i++;
    *lo = (uint8_t)i;
    while (i < RH__FIT_NSLOTS && rh__fit_slots[i].mesg == mesg)
        i++;
    *hi = (uint8_t)i;
}

/* Profile.xlsx, Types: sport. */
static const char *const sports[] = {
    "generic", "running", "cycling", "transition", "fitness_equipment", "swimming",
    "basketball", "soccer", "tennis", "american_football", "training", "walking",
    "cross_country_skiing", "alpine_skiing", "snowboarding", "rowing", "mountaineering",
    "hiking", "multisport", "paddling", "flying", "e_biking", "motorcycling", "boating",
    "driving", "golf", "hang_gliding", "horseback_riding", "hunting", "fishing",
    "inline_skating", "rock_climbing", "sailing", "ice_skating", "sky_diving", "snowshoeing",
    "snowmobiling", "stand_up_paddleboarding", "surfing", "wakeboarding", "water_skiing",
    "kayaking", "rafting", "windsurfing", "kitesurfing", "tactical", "jumpmaster", "boxing",
    "floor_climbing",
};

/* Profile.xlsx, Types: sub_sport. */
static const char *const sub_sports[] = {
    "generic", "treadmill", "street", "trail", "track", "spin", "indoor_cycling", "road",
    "mountain", "downhill", "recumbent", "cyclocross", "hand_cycling", "track_cycling",
    "indoor_rowing", "elliptical", "stair_climbing", "lap_swimming", "open_water",
    "flexibility_training", "strength_training", "warm_up", "match", "exercise", "challenge",
    "indoor_skiing", "cardio_training", "indoor_walking", "e_bike_fitness", "bmx",
    "casual_walking", "speed_walking", "bike_to_run_transition", "run_to_bike_transition",
    "swim_to_bike_transition", "atv", "motocross", "backcountry", "resort", "rc_drone",
    "wingsuit", "whitewater", "skate_skiing", "yoga", "pilates", "indoor_running",
    "gravel_cycling", "e_bike_mountain", "commuting", "mixed_surface", "navigate", "track_me",
    "map", "single_gas_diving", "multi_gas_diving", "gauge_diving", "apnea_diving",
    "apnea_hunting", "virtual_activity", "obstacle",
};

struct named {
    unsigned num;
    const char *name;
};

/* Profile.xlsx, Types: manufacturer (the makers seen in runners' files). */
static const struct named manufacturers[] = {
    {1, "garmin"},           {13, "dynastream_oem"}, {15, "dynastream"},
    {23, "suunto"},          {32, "wahoo_fitness"},  {38, "osynce"},
    {54, "ifor_powell"},     {69, "stages_cycling"}, {70, "sigmasport"},
    {71, "tomtom"},          {89, "tacx"},           {95, "stryd"},
    {123, "polar_electro"},  {255, "development"},   {258, "lezyne"},
    {260, "zwift"},          {263, "favero_electronics"}, {265, "strava"},
    {267, "bryton"},         {289, "hammerhead"},    {294, "coros"},
    {307, "onelap"},         {310, "decathlon"},
};

/* Profile.xlsx, Types: garmin_product (those of the corpus and common
 * running watches). */
static const struct named garmin_products[] = {
    {1036, "edge500"},     {1124, "fr110"},          {1169, "edge800"},
    {1328, "fr910xt"},     {1345, "fr610"},          {1482, "fr10"},
    {1561, "edge510"},     {1567, "edge810"},        {1765, "fr920xt"},
    {1836, "edge1000"},    {1967, "fenix2"},         {2050, "fenix3"},
    {2153, "fr225"},       {2156, "fr630"},          {2157, "fr230"},
    {2158, "fr735xt"},     {2337, "vivo_active_hr"}, {2431, "fr235"},
    {2512, "oregon7xx_ww"}, {2604, "fenix5x"},       {2691, "fr935"},
    {2697, "fenix5"},      {2886, "fr645"},          {3110, "fenix5_plus"},
    {3111, "fenix5x_plus"}, {3113, "fr945"},         {3122, "edge830"},
    {3570, "edge1030_plus"}, {3869, "fr55"},
};

static const char *lookup(const struct named *t, size_t n, unsigned num)
{
    for (size_t i = 0; i < n; i++)
        if (t[i].num == num)
            return t[i].name;
    return NULL;
}

const char *rh_fit_sport_name(unsigned sport)
{
    return sport < sizeof sports / sizeof *sports ? sports[sport] : NULL;
}

const char *rh_fit_sub_sport_name(unsigned sub_sport)
{
    return sub_sport < sizeof sub_sports / sizeof *sub_sports ? sub_sports[sub_sport] : NULL;
}

const char *rh_fit_manufacturer_name(unsigned manufacturer)
{
    return lookup(manufacturers, sizeof manufacturers / sizeof *manufacturers, manufacturer);
}

const char *rh_fit_garmin_product_name(unsigned product)
{
    return lookup(garmin_products, sizeof garmin_products / sizeof *garmin_products, product);
}
