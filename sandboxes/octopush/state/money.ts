// Credit is kept in ten-thousandths of a euro so that thousands of 0.045 € parts add up exactly.
const SCALE = 10_000;

export const toUnits = (euros: number): number => Math.round(euros * SCALE);
export const toEuros = (units: number): number => Math.round(units) / SCALE;
