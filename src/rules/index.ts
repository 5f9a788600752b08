import actionVerbs from "./action-verbs.js";
import backendCore from "./backend-core.js";
import duplicateSkills from "./duplicate-skills.js";
import extractionQuality from "./extraction-quality.js";
import portfolioLink from "./portfolio-link.js";
import profileSummary from "./profile-summary.js";
import quantifiedAchievements from "./quantified-achievements.js";
import skillSpelling from "./skill-spelling.js";
import skillsCategorized from "./skills-categorized.js";
import skillsEvidenced from "./skills-evidenced.js";
import skillsMisgrouped from "./skills-misgrouped.js";
import skillsOverload from "./skills-overload.js";
import skillsSection from "./skills-section.js";
import stackCoherence from "./stack-coherence.js";
import strayMarkup from "./stray-markup.js";
import technicalAndSoft from "./technical-and-soft.js";
import jobMissingSkill from "./job-missing-skill.js";
import jobSkillNotListed from "./job-skill-not-listed.js";
import jobSkillOrder from "./job-skill-order.js";
import type { Rule } from "./types.js";
import unknownSkill from "./unknown-skill.js";
import unlistedSkills from "./unlisted-skills.js";
import workExperience from "./work-experience.js";

/**
 * Every rule, in the order they are documented. Ids are part of the contract: never reuse a
 * removed one (list removed ids here as comments).
 */
export const RULES: Rule[] = [
  skillsSection,
  skillsCategorized,
  technicalAndSoft,
  backendCore,
  skillsEvidenced,
  unlistedSkills,
  workExperience,
  actionVerbs,
  quantifiedAchievements,
  profileSummary,
  skillSpelling,
  duplicateSkills,
  unknownSkill,
  skillsOverload,
  skillsMisgrouped,
  stackCoherence,
  portfolioLink,
  extractionQuality,
  strayMarkup,
  jobMissingSkill,
  jobSkillNotListed,
  jobSkillOrder,
] as Rule[];

export const RULE_IDS = RULES.map((r) => r.name);

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.name === id);
}
