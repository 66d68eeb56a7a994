/**
 * Seeded value makers for the demo data: mobile numbers, resident identity numbers and credit
 * codes with real check characters, Chinese names, companies and addresses (faker zh_CN), and
 * the maskers that show what a conforming desensitized value looks like.
 */
import { Faker, base, zh_CN } from '@faker-js/faker';
import { makeResidentId } from '../../../shared/ids/resident-id';
import { USCC_ALPHABET, makeUscc } from '../../../shared/ids/uscc';

/** A zh_CN faker with its own seed; never the global instance, so output depends on the seed alone. */
export function seededFaker(seed: number, salt: number): Faker {
  const faker = new Faker({ locale: [zh_CN, base] });
  faker.seed([seed, salt]);
  return faker;
}

const MOBILE_PREFIXES = ['134', '135', '136', '137', '138', '139', '150', '151', '152', '157', '158', '159', '182', '187', '188', '130', '131', '132', '155', '156', '185', '186', '133', '153', '180', '189', '177', '199'];

/** An 11-digit mainland mobile number with a real operator prefix. */
export function mobile(faker: Faker): string {
  return faker.helpers.arrayElement(MOBILE_PREFIXES) + faker.string.numeric(8);
}

/** `mask:<head>,<tail>` as FORMATS.md §1 defines it: `13812345678` → `138****5678`. */
export function maskKeep(value: string, head: number, tail: number): string {
  if (value.length <= head + tail) return value;
  return value.slice(0, head) + '*'.repeat(value.length - head - tail) + value.slice(value.length - tail);
}

/** `mask-name`: the first character kept, the rest starred (`张**`). */
export function maskName(name: string): string {
  const chars = Array.from(name);
  return `${chars[0] ?? ''}${'*'.repeat(Math.max(chars.length - 1, 1))}`;
}

/** A real `YYYY-MM-DD` between the given years, built without Date so it is seed-stable. */
export function birthDate(faker: Faker, fromYear: number, toYear: number): string {
  const year = faker.number.int({ min: fromYear, max: toYear });
  const month = faker.number.int({ min: 1, max: 12 });
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  const day = faker.number.int({ min: 1, max: days });
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** An 18-digit resident identity number with a valid check character, born 1960–2002. */
export function residentId(faker: Faker, regions: readonly string[]): string {
  return makeResidentId({
    region: faker.helpers.arrayElement(regions),
    birthDate: birthDate(faker, 1960, 2002),
    sequence: faker.number.int({ min: 0, max: 999 }),
  });
}

/** Characters an organisation code body may use inside a credit code. */
const ORG_BODY = USCC_ALPHABET;

/**
 * A credit code with both check characters right: `kind` enterprise (`91`), sole trader
 * (`92`, a 个体工商户) or farmers' cooperative (`93`), registered in `region`.
 */
export function creditCode(faker: Faker, region: string, kind: 'enterprise' | 'sole-trader' | 'cooperative' = 'enterprise'): string {
  const orgType = kind === 'enterprise' ? '1' : kind === 'sole-trader' ? '2' : '3';
  let body = 'MA';
  for (let i = 0; i < 6; i++) body += faker.helpers.arrayElement(Array.from(ORG_BODY));
  return makeUscc({ registrationDept: '9', orgType, region, orgCode: body });
}

/**
 * The credit code of an enterprise registered before 2015 whose organisation code was all
 * digits and whose check characters happen to be digits too: 18 digits, which a spreadsheet
 * takes for a number (see `spreadsheetNumber`).
 */
export function numericCreditCode(faker: Faker, region: string): string {
  for (;;) {
    const code = makeUscc({ registrationDept: '9', orgType: '1', region, orgCode: faker.string.numeric(8) });
    if (/^\d{18}$/.test(code)) return code;
  }
}

/**
 * How Excel's General format shows a long digit string it took for a number, and how "Save as
 * CSV" writes it: six significant digits in exponent form, `913301021430772106` → `9.13301E+17`.
 */
export function spreadsheetNumber(digits: string): string {
  const [mantissa, exponent] = Number(digits).toExponential(5).split('e');
  return `${mantissa!.replace(/\.?0+$/, '')}E${exponent!.startsWith('-') ? '' : '+'}${exponent!.replace(/^\+/, '')}`;
}

/** A Chinese full name (zh_CN faker). */
export function personName(faker: Faker): string {
  return faker.person.fullName();
}

/** A company name (zh_CN faker), e.g. `西宁市雨欣林业有限责任公司`. */
export function companyName(faker: Faker): string {
  return faker.company.name();
}

/** A street address inside the given district, e.g. `杭州市西湖区郭桥344号`. */
export function address(faker: Faker, district: string): string {
  return `${district}${faker.location.streetAddress()}`;
}

/**
 * `count` rows spread over every combination of the given dimensions as evenly as possible
 * (each combination at least ⌊count / combinations⌋ times), in a seeded random order. Used
 * for clean microdata so every quasi-identifier class is large enough for k-anonymity.
 */
export function balancedCombinations(faker: Faker, count: number, dimensions: ReadonlyArray<readonly string[]>): string[][] {
  let combos: string[][] = [[]];
  for (const values of dimensions) combos = combos.flatMap((prefix) => values.map((value) => [...prefix, value]));
  const rows: string[][] = [];
  for (let i = 0; i < count; i++) rows.push(combos[i % combos.length]!);
  return faker.helpers.shuffle(rows);
}

/**
 * Picks a sensitive value for each row so that every class (rows sharing `classKey`) holds at
 * least two distinct values, which keeps clean tables l-diverse for l = 2.
 */
export function diverseValues(faker: Faker, classKeys: readonly string[], values: readonly string[]): string[] {
  const first = new Map<string, number>();
  return classKeys.map((key) => {
    const seen = first.get(key);
    if (seen === undefined) {
      const index = faker.number.int({ min: 0, max: values.length - 1 });
      first.set(key, index);
      return values[index]!;
    }
    if (seen >= 0) {
      first.set(key, -1);
      return values[(seen + faker.number.int({ min: 1, max: values.length - 1 })) % values.length]!;
    }
    return faker.helpers.arrayElement(values);
  });
}
