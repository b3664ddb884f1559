export { supportResellerFeatures } from "./reseller.js";
export { supportTeamHandlers } from "./team.js";
