//! `math.gamma` and `math.lgamma`, computed as CPython 3.11 computes them (not with the C
//! library's `tgamma`/`lgamma`): the Lanczos approximation with the g = 6.0246... and N = 13
//! coefficients (Boost's `lanczos13m53`), the exact factorials for small positive integers,
//! and CPython's special cases, so results agree to the last bit.

/// Why a value has no result: CPython's `ValueError: math domain error` or
/// `OverflowError: math range error`.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum GammaError {
    /// Outside the function's domain (poles, `gamma(-inf)`).
    Domain,
    /// The result overflows a float.
    Range,
}

const LANCZOS_G: f64 = 6.024_680_040_776_729_583_740_234_375;
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;
const LOG_PI: f64 = 1.144_729_885_849_400_174_143_427_351_353_058_711_647;

#[allow(clippy::excessive_precision)]
const NUM: [f64; 13] = [
    23_531_376_880.410_759_688_572_007_674_451_636_754_734_846_804_940,
    42_919_803_642.649_098_768_957_899_047_001_988_850_926_355_848_959,
    35_711_959_237.355_668_049_440_185_451_547_166_705_960_488_635_843,
    17_921_034_426.037_209_699_919_755_754_458_931_112_671_403_265_390,
    6_039_542_586.352_028_005_064_291_644_307_297_921_069_938_842_070_8,
    1_439_720_407.311_721_673_663_223_072_794_912_393_971_548_578_677_2,
    248_874_557.862_054_156_511_460_386_413_229_423_216_321_251_278_01,
    31_426_415.585_400_194_380_614_231_628_318_205_362_874_684_987_640,
    2_876_370.628_935_372_441_225_409_051_620_849_613_599_114_537_876_8,
    186_056.265_395_223_495_040_294_989_716_045_699_282_207_842_363_28,
    8_071.672_002_365_816_210_638_002_902_272_250_613_821_851_632_502_4,
    210.824_277_751_579_345_872_509_733_920_713_362_711_669_695_802_91,
    2.506_628_274_631_000_270_164_908_177_133_837_338_626_431_079_340_8,
];

const DEN: [f64; 13] = [
    0.0,
    39_916_800.0,
    120_543_840.0,
    150_917_976.0,
    105_258_076.0,
    45_995_730.0,
    13_339_535.0,
    2_637_558.0,
    357_423.0,
    32_670.0,
    1_925.0,
    66.0,
    1.0,
];

/// `(n-1)!` for n = 1..=23, exact in a float.
#[allow(clippy::excessive_precision)]
const FACTORIALS: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5_040.0,
    40_320.0,
    362_880.0,
    3_628_800.0,
    39_916_800.0,
    479_001_600.0,
    6_227_020_800.0,
    87_178_291_200.0,
    1_307_674_368_000.0,
    20_922_789_888_000.0,
    355_687_428_096_000.0,
    6_402_373_705_728_000.0,
    121_645_100_408_832_000.0,
    2_432_902_008_176_640_000.0,
    51_090_942_171_709_440_000.0,
    1_124_000_727_777_607_680_000.0,
];

/// The Lanczos sum (the rational function of `x`, `x > 0`): Horner's rule in `x` for small
/// `x`, in `1/x` for large `x`, to avoid overflow.
fn lanczos_sum(x: f64) -> f64 {
    let mut num = 0.0;
    let mut den = 0.0;
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + NUM[i];
            den = den * x + DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + NUM[i];
            den = den / x + DEN[i];
        }
    }
    num / den
}

/// `sin(pi * x)`, accurate near the integers (reduced to `[0, 2)` and to the nearest
/// quarter period first).
fn sin_pi(x: f64) -> f64 {
    use std::f64::consts::PI;
    let y = x.abs() % 2.0;
    let r = match (2.0 * y).round() as i32 {
        0 => crate::libm::sin(PI * y),
        1 => crate::libm::cos(PI * (y - 0.5)),
        2 => crate::libm::sin(PI * (1.0 - y)),
        3 => -crate::libm::cos(PI * (y - 1.5)),
        _ => crate::libm::sin(PI * (y - 2.0)),
    };
    1f64.copysign(x) * r
}

/// `math.gamma(x)`.
pub fn gamma(x: f64) -> Result<f64, GammaError> {
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 {
            Ok(x)
        } else {
            Err(GammaError::Domain)
        };
    }
    if x == 0.0 {
        return Err(GammaError::Domain);
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(GammaError::Domain);
        }
        if x <= FACTORIALS.len() as f64 {
            return Ok(FACTORIALS[x as usize - 1]);
        }
    }
    let ax = x.abs();
    if ax < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() {
            Err(GammaError::Range)
        } else {
            Ok(r)
        };
    }
    if ax > 200.0 {
        return if x < 0.0 {
            Ok(0.0 / sin_pi(x))
        } else {
            Err(GammaError::Range)
        };
    }
    let y = ax + LANCZOS_G_MINUS_HALF;
    // z: the rounding error of y, scaled, to correct the power below.
    let z = if ax > LANCZOS_G_MINUS_HALF {
        let q = y - ax;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - ax
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -std::f64::consts::PI / sin_pi(ax) / ax * crate::libm::exp(y) / lanczos_sum(ax);
        r -= z * r;
        if ax < 140.0 {
            r /= crate::libm::pow(y, ax - 0.5);
        } else {
            let half = crate::libm::pow(y, ax / 2.0 - 0.25);
            r /= half;
            r /= half;
        }
    } else {
        r = lanczos_sum(ax) / crate::libm::exp(y);
        r += z * r;
        if ax < 140.0 {
            r *= crate::libm::pow(y, ax - 0.5);
        } else {
            let half = crate::libm::pow(y, ax / 2.0 - 0.25);
            r *= half;
            r *= half;
        }
    }
    if r.is_infinite() {
        return Err(GammaError::Range);
    }
    Ok(r)
}

/// `math.lgamma(x)`: the natural log of `|gamma(x)|`.
pub fn lgamma(x: f64) -> Result<f64, GammaError> {
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        return if x <= 0.0 {
            Err(GammaError::Domain)
        } else {
            Ok(0.0)
        };
    }
    let ax = x.abs();
    if ax < 1e-20 {
        return Ok(-crate::libm::log(ax));
    }
    let mut r = crate::libm::log(lanczos_sum(ax)) - LANCZOS_G;
    r += (ax - 0.5) * (crate::libm::log(ax + LANCZOS_G - 0.5) - 1.0);
    if x < 0.0 {
        r = LOG_PI - crate::libm::log(sin_pi(ax).abs()) - crate::libm::log(ax) - r;
    }
    if r.is_infinite() {
        return Err(GammaError::Range);
    }
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_values() {
        assert_eq!(gamma(5.0), Ok(24.0));
        assert_eq!(gamma(0.0), Err(GammaError::Domain));
        assert_eq!(gamma(-3.0), Err(GammaError::Domain));
        assert_eq!(gamma(172.0), Err(GammaError::Range));
        assert_eq!(gamma(0.5), Ok(1.772_453_850_905_515_9));
        assert_eq!(lgamma(1.0), Ok(0.0));
        assert_eq!(lgamma(-2.0), Err(GammaError::Domain));
        assert_eq!(lgamma(f64::NEG_INFINITY), Ok(f64::INFINITY));
        assert_eq!(lgamma(0.5), Ok(0.572_364_942_924_700_4));
    }
}
