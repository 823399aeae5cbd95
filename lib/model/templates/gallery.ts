import type { TemplateSpec } from "./buildTemplate";

/**
 * The built-in gallery (issue 18): service roadmaps that show the method (docs/board-document.md):
 * design and build, but also testing, telling, selling and operating, each chain ending in a
 * release or go-live. Every template has Communication and Go-to-market work on purpose: a
 * service nobody hears of, or nobody can buy, has not launched.
 */
const LANE = {
  design: { name: "Service design", color: "#8b5cf6" },
  dev: { name: "Development", color: "#3b82f6" },
  test: { name: "Testing", color: "#f59e0b" },
  comms: { name: "Communication", color: "#ec4899" },
  gtm: { name: "Go-to-market", color: "#10b981" },
  ops: { name: "Operations", color: "#64748b" },
} as const;
const METHOD_LANES = [LANE.design, LANE.dev, LANE.test, LANE.comms, LANE.gtm, LANE.ops];
const METHOD_PHASES = ["MVP", "Pilot", "Beta", "Roll-out", "Enhancements"];

export const PUBLIC_SERVICE: TemplateSpec = {
  id: "public-digital-service",
  name: "Public digital service launch",
  summary: "A council or agency takes a paper service online: discovery, alpha, private and public beta, then the paper form retires.",
  weeks: 40,
  goal: "Residents apply online in one sitting; the paper form is retired.",
  lanes: METHOD_LANES,
  phases: ["Discovery", "Alpha", "Private beta", "Public beta", "Live"],
  milestones: [
    ["alphaDone", "Alpha assessment", 60, "deadline", "Alpha"],
    ["privateStart", "Private beta opens", 112, "pilot_start", null],
    ["publicBeta", "Public beta release", 161, "release", "Public beta"],
    ["goLive", "Go-live: online by default", 203, "go_live", null],
  ],
  items: [
    ["research", "User research with residents and case workers", "Service design", "Discovery", 0, 15, ["Ana"], null],
    ["blueprint", "Service blueprint and assisted-digital route", "Service design", "Discovery", null, 10, ["Ana"], null],
    ["prototype", "Clickable prototype, three rounds of testing", "Service design", "Alpha", null, 5, ["Ana", "Ben"], "alphaDone"],
    ["briefing", "Stakeholder and elected-member briefing", "Communication", "Alpha", 35, 5, ["Fay"], null],
    ["core", "Application and case-worker screens", "Development", "Private beta", null, 30, ["Chen"], null],
    ["identity", "Sign-in with the national identity service", "Development", "Private beta", 70, 15, ["Dev"], null],
    ["accessibility", "Accessibility audit (WCAG 2.2 AA)", "Testing", "Private beta", null, 10, ["Eli"], null],
    ["invites", "Private beta invitations and consent letters", "Communication", "Private beta", 98, 5, ["Fay"], null],
    ["privateBeta", "Private beta with 200 residents", "Operations", "Private beta", null, 15, ["Gus"], null],
    ["assessment", "Beta service assessment", "Testing", "Public beta", null, 5, ["Eli"], "publicBeta"],
    ["channelShift", "Channel-shift plan: letters, website, phone scripts", "Go-to-market", "Public beta", null, 5, ["Hal"], "publicBeta"],
    ["launchComms", "Public beta press release and social campaign", "Communication", "Public beta", null, 5, ["Fay"], null],
    ["support", "Contact-centre training and runbooks", "Operations", "Public beta", null, 10, ["Gus"], null],
    ["retire", "Retire the paper form", "Operations", "Live", null, 10, ["Gus", "Hal"], null],
  ],
  links: [
    ["research", "blueprint", 0],
    ["blueprint", "prototype", 0],
    ["prototype", "core", 0],
    ["core", "accessibility", 0],
    ["identity", "accessibility", 0],
    ["accessibility", "privateBeta", 0],
    ["invites", "privateBeta", 0],
    ["privateBeta", "assessment", 0],
    ["privateBeta", "channelShift", 0],
    ["channelShift", "launchComms", 0],
    ["privateBeta", "support", 0],
    ["launchComms", "retire", 20],
  ],
};

export const SAAS_LAUNCH: TemplateSpec = {
  id: "saas-product-launch",
  name: "SaaS product launch",
  summary: "A new subscription product from MVP to general availability: design partners, beta, pricing, launch campaign and sales enablement.",
  weeks: 36,
  goal: "General availability with self-serve sign-up and a paid plan.",
  lanes: METHOD_LANES,
  phases: METHOD_PHASES,
  milestones: [
    ["mvp", "MVP release", 53, "release", "MVP"],
    ["partners", "Design-partner pilot starts", 56, "pilot_start", null],
    ["beta", "Public beta release", 123, "release", "Beta"],
    ["ga", "General availability", 168, "go_live", null],
    ["launchEvent", "Launch webinar", 170, "launch_event", null],
  ],
  items: [
    ["discovery", "Customer interviews and jobs-to-be-done", "Service design", "MVP", 0, 10, ["Ana"], null],
    ["mvpScope", "MVP scope and success metrics", "Service design", "MVP", null, 5, ["Ana", "Ben"], null],
    ["coreApp", "Core workflow and onboarding", "Development", "MVP", null, 20, ["Chen"], "mvp"],
    ["partnerOutreach", "Recruit five design partners", "Go-to-market", "MVP", 21, 10, ["Hal"], null],
    ["pilot", "Design-partner pilot", "Operations", "Pilot", null, 20, ["Gus"], null],
    ["billing", "Billing, plans and trials", "Development", "Beta", 63, 20, ["Dev"], "beta"],
    ["betaQa", "Beta load and security testing", "Testing", "Beta", null, 10, ["Eli"], "beta"],
    ["pricing", "Pricing and packaging", "Go-to-market", "Beta", 91, 10, ["Hal"], null],
    ["positioning", "Positioning, messaging and website", "Communication", "Beta", null, 10, ["Fay"], null],
    ["campaign", "Launch campaign: blog, email, PR, webinar", "Communication", "Roll-out", null, 10, ["Fay"], null],
    ["enablement", "Sales enablement and demo scripts", "Go-to-market", "Roll-out", null, 10, ["Hal"], null],
    ["docs", "Help centre and support runbooks", "Operations", "Roll-out", 126, 10, ["Gus"], null],
    ["integrations", "Integrations asked for in the beta", "Development", "Enhancements", 168, 20, ["Chen", "Dev"], null],
  ],
  links: [
    ["discovery", "mvpScope", 0],
    ["mvpScope", "coreApp", 0],
    ["coreApp", "pilot", 0],
    ["partnerOutreach", "pilot", 0],
    ["billing", "betaQa", 0],
    ["pricing", "positioning", 0],
    ["positioning", "campaign", 0],
    ["pricing", "enablement", 0],
  ],
};

export const IT_ROLLOUT: TemplateSpec = {
  id: "internal-it-rollout",
  name: "Internal IT service roll-out",
  summary: "A new internal service (a service desk, a collaboration suite) rolled out site by site, with training, change communication and support.",
  weeks: 32,
  goal: "Every office on the new service; the old one switched off.",
  lanes: [LANE.design, { name: "Build and integration", color: LANE.dev.color }, LANE.test, LANE.comms, { name: "Go-to-market", color: LANE.gtm.color }, { name: "Support and operations", color: LANE.ops.color }],
  phases: ["Plan", "Pilot site", "Wave 1", "Wave 2", "Decommission"],
  milestones: [
    ["pilotStart", "Pilot site goes live", 63, "pilot_start", null],
    ["wave1", "Wave 1 cut-over", 119, "release", "Wave 1"],
    ["allLive", "All offices live", 175, "go_live", null],
  ],
  items: [
    ["requirements", "Requirements with department leads", "Service design", "Plan", 0, 10, ["Ana"], null],
    ["design", "Target process and access model", "Service design", "Plan", null, 10, ["Ana", "Ben"], null],
    ["sso", "Single sign-on and directory integration", "Build and integration", "Plan", 14, 15, ["Chen"], null],
    ["migration", "Data migration scripts", "Build and integration", "Pilot site", null, 10, ["Dev"], null],
    ["uat", "User acceptance testing", "Testing", "Pilot site", null, 5, ["Eli"], null],
    ["changeComms", "Change announcement and FAQ on the intranet", "Communication", "Pilot site", 42, 5, ["Fay"], null],
    ["champions", "Recruit and train local champions", "Go-to-market", "Pilot site", 49, 10, ["Hal"], null],
    ["pilot", "Pilot at head office", "Support and operations", "Pilot site", null, 15, ["Gus"], null],
    ["training", "Training sessions and recordings, wave 1", "Go-to-market", "Wave 1", null, 10, ["Hal"], "wave1"],
    ["wave1Comms", "Wave 1 countdown emails and floor walkers", "Communication", "Wave 1", null, 5, ["Fay"], "wave1"],
    ["wave2", "Wave 2: regional offices", "Support and operations", "Wave 2", null, 20, ["Gus"], null],
    ["decommission", "Switch off the old service and archive its data", "Support and operations", "Decommission", null, 10, ["Gus", "Dev"], null],
  ],
  links: [
    ["requirements", "design", 0],
    ["design", "migration", 0],
    ["sso", "migration", 0],
    ["migration", "uat", 0],
    ["uat", "pilot", 0],
    ["champions", "pilot", 0],
    ["pilot", "training", 0],
    ["training", "wave1Comms", 0],
    ["wave1Comms", "wave2", 0],
    ["wave2", "decommission", 5],
  ],
};

export const OMNICHANNEL_RETAIL: TemplateSpec = {
  id: "omnichannel-retail",
  name: "Omnichannel retail service",
  summary: "Click and collect across web, app and stores: store operations, staff training, marketing and the loyalty tie-in, pilot stores first.",
  weeks: 36,
  goal: "Order online, collect in any store within two hours.",
  lanes: [LANE.design, LANE.dev, LANE.test, { name: "Communication", color: LANE.comms.color }, LANE.gtm, { name: "Store operations", color: LANE.ops.color }],
  phases: METHOD_PHASES,
  milestones: [
    ["mvp", "MVP release (web)", 60, "release", "MVP"],
    ["pilotStores", "Pilot in ten stores", 70, "pilot_start", null],
    ["goLive", "National go-live", 161, "go_live", null],
    ["launch", "Launch weekend", 166, "launch_event", null],
  ],
  items: [
    ["journey", "Customer journey across web, app and store", "Service design", "MVP", 0, 10, ["Ana"], null],
    ["storeFlow", "In-store collection point and staff flow", "Service design", "MVP", null, 5, ["Ana", "Gus"], null],
    ["stock", "Real-time store stock in the web shop", "Development", "MVP", 14, 20, ["Chen"], "mvp"],
    ["mvpQa", "End-to-end order test with a store", "Testing", "MVP", null, 5, ["Eli"], "mvp"],
    ["staffTraining", "Train pilot store staff", "Store operations", "Pilot", 56, 5, ["Gus"], null],
    ["pilot", "Pilot in ten stores", "Store operations", "Pilot", null, 20, ["Gus"], null],
    ["app", "Collection in the mobile app", "Development", "Beta", null, 15, ["Dev"], null],
    ["loyalty", "Loyalty points on collected orders", "Development", "Beta", 98, 10, ["Chen"], null],
    ["campaign", "In-store signage and marketing campaign", "Communication", "Roll-out", null, 10, ["Fay"], "goLive"],
    ["partners", "Brand partners and marketplace listing", "Go-to-market", "Roll-out", 112, 10, ["Hal"], null],
    ["rollout", "Roll-out to all stores", "Store operations", "Roll-out", null, 15, ["Gus"], null],
    ["lockers", "Parcel lockers at large stores", "Development", "Enhancements", 175, 20, ["Dev"], null],
  ],
  links: [
    ["journey", "storeFlow", 0],
    ["stock", "mvpQa", 0],
    ["mvpQa", "pilot", 0],
    ["staffTraining", "pilot", 0],
    ["pilot", "app", 0],
    ["app", "campaign", 0],
    ["pilot", "rollout", 5],
  ],
};

export const HEALTHCARE_PILOT: TemplateSpec = {
  id: "healthcare-pilot",
  name: "Healthcare service pilot",
  summary: "A remote-monitoring pilot in one clinic: clinical safety and governance first, patient and clinician communication, evaluation before scaling.",
  weeks: 40,
  goal: "Evidence from one clinic that remote monitoring is safe and frees appointments.",
  lanes: [{ name: "Clinical service design", color: LANE.design.color }, LANE.dev, { name: "Clinical safety and testing", color: LANE.test.color }, LANE.comms, LANE.gtm, LANE.ops],
  phases: ["Governance", "Build", "Pilot", "Evaluation", "Scale"],
  milestones: [
    ["approval", "Ethics and safety approval", 53, "deadline", "Governance"],
    ["pilotStart", "First patients enrolled", 112, "pilot_start", null],
    ["evaluation", "Evaluation report", 210, "release", "Evaluation"],
  ],
  items: [
    ["pathway", "Care pathway with clinicians and patients", "Clinical service design", "Governance", 0, 10, ["Ana"], null],
    ["dpia", "Data-protection impact assessment", "Clinical safety and testing", "Governance", null, 10, ["Eli"], "approval"],
    ["hazard", "Clinical hazard log and safety case", "Clinical safety and testing", "Governance", 14, 10, ["Ana"], "approval"],
    ["devices", "Device integration and alert thresholds", "Development", "Build", 56, 20, ["Chen"], null],
    ["record", "Results into the patient record", "Development", "Build", 56, 15, ["Dev"], null],
    ["safetyTest", "Clinical safety testing", "Clinical safety and testing", "Build", null, 5, ["Eli"], null],
    ["patientInfo", "Patient leaflets and consent in plain language", "Communication", "Build", 84, 5, ["Fay"], null],
    ["clinicianBriefing", "Clinician briefings and on-call rota", "Communication", "Pilot", null, 5, ["Fay"], null],
    ["pilot", "Pilot with 50 patients", "Operations", "Pilot", null, 30, ["Gus"], null],
    ["evaluate", "Outcomes and capacity evaluation", "Clinical service design", "Evaluation", null, 10, ["Ana"], "evaluation"],
    ["commissioners", "Business case to commissioners", "Go-to-market", "Evaluation", null, 10, ["Hal"], null],
    ["scalePlan", "Scaling plan for three more clinics", "Go-to-market", "Scale", null, 10, ["Hal"], null],
  ],
  links: [
    ["pathway", "dpia", 0],
    ["devices", "safetyTest", 0],
    ["record", "safetyTest", 0],
    ["safetyTest", "clinicianBriefing", 0],
    ["patientInfo", "pilot", 0],
    ["clinicianBriefing", "pilot", 0],
    ["pilot", "evaluate", 0],
    ["evaluate", "commissioners", 0],
    ["commissioners", "scalePlan", 0],
  ],
};

/** The gallery, in the order it is shown, after "Empty board". */
export const BUILT_IN_TEMPLATES: readonly TemplateSpec[] = [PUBLIC_SERVICE, SAAS_LAUNCH, IT_ROLLOUT, OMNICHANNEL_RETAIL, HEALTHCARE_PILOT];

/** The empty board: the method's lanes and phases, no items (what every board started from before). */
export const EMPTY_TEMPLATE_ID = "empty";

export function builtInTemplate(id: string): TemplateSpec | undefined {
  return BUILT_IN_TEMPLATES.find((t) => t.id === id);
}
