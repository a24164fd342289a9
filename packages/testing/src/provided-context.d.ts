// Values the Prism globalSetup provides to tests: `inject("prismUrl")`.
import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    prismUrl: string;
  }
}
