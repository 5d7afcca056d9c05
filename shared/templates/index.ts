/** Plan templates: the built-ins and the user's own Markdown templates with {{placeholders}}. */
export { TEMPLATES, templateInfo, isTemplateId, type TemplateId, type TemplateInfo } from "./catalog";
export { templatePeriod, groupMonths, groupHeading, monthsOf, termName, type CalendarMonth, type MonthGroup, type TemplatePeriod } from "./template-period";
export { suggestionsFor, monthTheme, type Suggestion, type MonthTheme } from "./month-suggestions";
export { sectionsOf, type Section } from "./sections";
export { BlockIdSource, planIdFromSeed } from "./block-id";
export { renderTemplate, renderTemplateNote, templateTitle, renderScheduleMonths, type RenderTemplateOptions, type RenderedTemplate } from "./render-template";
export { renderCustomTemplate, unknownPlaceholders, TEMPLATE_PLACEHOLDERS, type CustomTemplateVars } from "./custom-template";
