/** The version written into stores and run folders. */
export const VERSION_TEXT = "0.1.0";
