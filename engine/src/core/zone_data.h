// core/zone_data.h — the IANA zone table that tools/gen_zones.mjs generates at build time.
//
// Internal to the engine: loupe/core/zone.h is the API. A zone name maps to a record; names whose
// rules agree from 1970 on (links, and zones that differ only earlier) share one record. A record
// answers an instant from the first of these that applies:
//   the record has a footer and t >= its last kept transition (or t >= 1970 when it keeps none)
//       -> the footer, a POSIX TZ rule
//   t is before the first kept transition, or none are kept
//       -> initial_type, the type in effect when 1970 began
//   otherwise -> the type of the last transition at or before t
// Transitions run from 1970 to 2027-01-01, longer where the footer cannot express the predicted
// changes (Morocco and Palestine list Ramadan changes up to 2087). Every array is constinit, so
// static initialisers elsewhere may already look zones up.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace loupe::zone_data {

//! What clocks show between two transitions.
struct LocalType {
  int32_t utoff_seconds;  //!< east of UTC
  uint8_t is_dst;
  uint16_t abbreviation;  //!< offset of a NUL-terminated name in kAbbreviations
};

//! The rules one or more zone names share.
struct ZoneRecord {
  uint32_t first_transition;  //!< index into kTransitionTimes / kTransitionTypes
  uint16_t transition_count;
  uint16_t initial_type;  //!< index into kLocalTypes
  uint16_t footer;        //!< index into kFooters, or kNoFooter
};

inline constexpr uint16_t kNoFooter = 0xffff;

//! The tzdata release the table was generated from, e.g. "2025b".
extern const std::string_view kVersion;

extern const size_t kZoneCount;
extern const std::string_view kZoneNames[];  //!< sorted bytewise, for binary search
extern const uint16_t kZoneRecordOfName[];   //!< parallel to kZoneNames: index into kZoneRecords

extern const ZoneRecord kZoneRecords[];
extern const LocalType kLocalTypes[];
extern const char kAbbreviations[];
extern const size_t kFooterCount;
extern const std::string_view kFooters[];  //!< POSIX TZ strings (RFC 8536 §3.3)

//! Seconds since 1970 (unsigned: every kept transition is at or after 1970, some past 2038).
extern const uint32_t kTransitionTimes[];
extern const uint16_t kTransitionTypes[];  //!< index into kLocalTypes

}  // namespace loupe::zone_data
