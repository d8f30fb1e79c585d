export { checkNoNul, position } from "./decode.js";
