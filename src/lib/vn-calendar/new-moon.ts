/**
 * Instants of new moon, after Jean Meeus, "Astronomical Algorithms" (2nd ed.), chapter 49
 * (all periodic terms and the 14 planetary corrections; error of a few seconds 1900–2100),
 * converted from Terrestrial Time to Universal Time with the ΔT polynomials of Espenak and
 * Meeus (NASA eclipse site, "Polynomial expressions for Delta T").
 *
 * Hồ Ngọc Đức's published JavaScript uses a shortened series; it puts a handful of new moons
 * that fall within minutes of local midnight on the wrong day (e.g. the month starting
 * 07/05/2054, where it even yields "day 0"). The full series avoids that.
 */

const DR = Math.PI / 180;

/** ΔT = TT − UT in seconds for a decimal year (valid 1900–2150). @example deltaTSeconds(2000) // 63.86 */
export function deltaTSeconds(y: number): number {
  if (y < 1920) {
    const t = y - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (y < 1941) {
    const t = y - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (y < 1961) {
    const t = y - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (y < 1986) {
    const t = y - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (y < 2005) {
    const t = y - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3
      + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  }
  if (y < 2050) {
    const t = y - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  }
  return -20 + 32 * ((y - 1820) / 100) ** 2 - 0.5628 * (2150 - y);
}

const PLANETARY: ReadonlyArray<readonly [number, number, number]> = [
  [0.000325, 299.77, 0.107408], [0.000165, 251.88, 0.016321], [0.000164, 251.83, 26.651886],
  [0.000126, 349.42, 36.412478], [0.00011, 84.66, 18.206239], [0.000062, 141.74, 53.303771],
  [0.00006, 207.14, 2.453732], [0.000056, 154.84, 7.30686], [0.000047, 34.52, 27.261239],
  [0.000042, 207.19, 0.121824], [0.00004, 291.34, 1.844379], [0.000037, 161.72, 24.198154],
  [0.000035, 239.56, 25.513099], [0.000023, 331.55, 3.592518],
];

/** Julian Ephemeris Day (TT) of new moon `k` (k = 0: 6 January 2000). @example newMoonJde(0) // ≈ 2451550.2603 (2000-01-06 18:14 TT) */
export function newMoonJde(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T, T3 = T2 * T, T4 = T3 * T;
  const jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * T2 - 0.00000015 * T3
    + 0.00000000073 * T4;
  const E = 1 - 0.002516 * T - 0.0000074 * T2;
  const M = (2.5534 + 29.1053567 * k - 0.0000014 * T2 - 0.00000011 * T3) * DR;
  const Mp = (201.5643 + 385.81693528 * k + 0.0107582 * T2 + 0.00001238 * T3
    - 0.000000058 * T4) * DR;
  const F = (160.7108 + 390.67050284 * k - 0.0016118 * T2 - 0.00000227 * T3
    + 0.000000011 * T4) * DR;
  const Om = (124.7746 - 1.56375588 * k + 0.0020672 * T2 + 0.00000215 * T3) * DR;
  const s = Math.sin;
  const periodic = -0.4072 * s(Mp) + 0.17241 * E * s(M) + 0.01608 * s(2 * Mp)
    + 0.01039 * s(2 * F) + 0.00739 * E * s(Mp - M) - 0.00514 * E * s(Mp + M)
    + 0.00208 * E * E * s(2 * M) - 0.00111 * s(Mp - 2 * F) - 0.00057 * s(Mp + 2 * F)
    + 0.00056 * E * s(2 * Mp + M) - 0.00042 * s(3 * Mp) + 0.00042 * E * s(M + 2 * F)
    + 0.00038 * E * s(M - 2 * F) - 0.00024 * E * s(2 * Mp - M) - 0.00017 * s(Om)
    - 0.00007 * s(Mp + 2 * M) + 0.00004 * s(2 * Mp - 2 * F) + 0.00004 * s(3 * M)
    + 0.00003 * s(Mp + M - 2 * F) + 0.00003 * s(2 * Mp + 2 * F) - 0.00003 * s(Mp + M + 2 * F)
    + 0.00003 * s(Mp - M + 2 * F) - 0.00002 * s(Mp - M - 2 * F) - 0.00002 * s(3 * Mp + M)
    + 0.00002 * s(4 * Mp);
  let planetary = 0;
  for (const [i, [c, a0, a1]] of PLANETARY.entries()) {
    const a = a0 + a1 * k + (i === 0 ? -0.009173 * T2 : 0);
    planetary += c * Math.sin(a * DR);
  }
  return jde + periodic + planetary;
}

/** Julian Day (UT) of new moon `k`. @example newMoonJdUt(372) // ≈ 2462535.172 (2030-02-02 16:07 UT) */
export function newMoonJdUt(k: number): number {
  const jde = newMoonJde(k);
  const year = 2000 + (jde - 2451545) / 365.25;
  return jde - deltaTSeconds(year) / 86400;
}
