// Type-checked, not run: the installed .d.ts of @frameio-sdk/schemas resolve for a consumer (library checks on).
import * as schemas from "@frameio-sdk/schemas";

export const exportCount: number = Object.keys(schemas).length;
