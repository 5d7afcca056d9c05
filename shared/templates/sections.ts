/**
 * The sections of each built-in template, in the order real plans use (一、指导思想 … 四、保障措施),
 * each with a short prompt in （） for the committee to replace with its own words.
 */
import type { TemplateId } from "./catalog";

export interface Section {
  /** Heading text after its number: "指导思想". */
  title: string;
  prompt: string;
  /** （一）… subsections. */
  subsections?: readonly { title: string; prompt: string }[];
}

const SCHOOL_WORK: Section["subsections"] = [
  { title: "加强思想引领和师德建设", prompt: "（学习安排、师德主题活动、先进典型宣传。）" },
  { title: "推进民主管理和校务公开", prompt: "（教代会、提案办理、民主评议、校务公开。）" },
  { title: "维护教职工权益，做好关爱服务", prompt: "（帮困互助、送温暖、健康体检、女教职工关爱。）" },
  { title: "丰富教职工文体生活", prompt: "（运动会、读书活动、兴趣社团、节日活动。）" },
  { title: "加强工会自身建设", prompt: "（工会小组、工会干部培训、经费管理、台账资料。）" },
];

const SECTIONS: Readonly<Record<TemplateId, readonly Section[]>> = {
  annual: [
    { title: "指导思想", prompt: "（写明本年度工会工作遵循的方针和学校的中心工作。）" },
    { title: "工作目标", prompt: "（列出本年度要达成的两三项目标，如创建“模范职工之家”。）" },
    { title: "主要工作", prompt: "（按下列方面写出具体做法，可增删。）", subsections: SCHOOL_WORK },
    { title: "保障措施", prompt: "（组织领导、分工负责、经费保障、考核评比。）" },
  ],
  term: [
    { title: "指导思想", prompt: "（写明本学期工会工作的出发点和学校本学期的重点。）" },
    { title: "工作目标", prompt: "（本学期要完成的主要目标。）" },
    { title: "主要工作", prompt: "（按下列方面写出具体做法，可增删。）", subsections: SCHOOL_WORK },
    { title: "保障措施", prompt: "（分工、时间安排、经费和检查。）" },
  ],
  group: [
    { title: "小组基本情况", prompt: "（小组名称、组长、人数及组室特点。）" },
    { title: "创建目标", prompt: "（本学期创建文明组室要达到的目标。）" },
    {
      title: "具体措施",
      prompt: "（结合组室实际写出做法。）",
      subsections: [
        { title: "常规工作", prompt: "（学习、组室环境、考勤与互助。）" },
        { title: "重点工作", prompt: "（本学期小组的一两项特色活动。）" },
      ],
    },
    { title: "考核与评比", prompt: "（自查时间、评比办法、材料整理。）" },
  ],
  "monthly-theme": [
    { title: "指导思想", prompt: "（以月主题活动为载体，凝聚人心、服务教职工。）" },
    { title: "活动原则", prompt: "（每月一个主题，全员参与、形式多样、注重实效。）" },
    { title: "组织安排", prompt: "（各月主题的牵头人、参加对象和经费安排。）" },
    { title: "活动要求", prompt: "（安全、宣传、资料留存与总结。）" },
  ],
};

export function sectionsOf(template: TemplateId): readonly Section[] {
  return SECTIONS[template];
}
