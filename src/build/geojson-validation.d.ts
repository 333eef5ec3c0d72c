// The package ships no types; only what this project calls is declared.
declare module 'geojson-validation' {
  interface GeoJsonValidation {
    /** With `trace`, the list of problems found (empty when valid). */
    valid(object: unknown, trace: true): string[];
    valid(object: unknown, trace?: false): boolean;
    isFeature(object: unknown, trace: true): string[];
    isFeature(object: unknown, trace?: false): boolean;
  }
  const gjv: GeoJsonValidation;
  export default gjv;
}
