/** Plans (our own wording) whose body dates items, for the tests of every consumer of body tasks. */

/** Our own plan: a 行事历 for March and April, and a body that dates two more items, one of them also in the 行事历. */
export const BODY_AND_SCHEDULE = [
  "# 示例中学2026年工会工作计划",
  "",
  "## 一、主要工作",
  "（1）认真做好会员服务工作。",
  "（2）11月左右组织一次秋季登山。",
  "（3）3月上旬，开展“三八”妇女节庆祝活动。",
  "",
  "## 二、行事历",
  "3月：",
  "1、“三八”妇女节庆祝活动",
  "2、工会小组长会议",
  "4月：",
  "1、教工读书月活动",
].join("\n");

/** A plan with no 行事历: every dated item sits in its body. */
export const BODY_ONLY = [
  "# 示例小学2026年工会工作计划",
  "",
  "## 一、主要工作",
  "（1）认真做好会员服务工作。",
  "（2）11月左右组织一次秋季登山。",
  "（3）6月上旬，举办优秀会员表彰会。",
].join("\n");
