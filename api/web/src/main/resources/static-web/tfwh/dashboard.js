// An enhancement only: every page works without it (server-rendered tables, GET forms).
import { initAll } from "/assets/govuk-frontend.min.js";

initAll();
