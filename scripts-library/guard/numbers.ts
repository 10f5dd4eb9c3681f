/**
 * Telling a bank card, an ID card or a mobile number from an order number, a tracking number or a product code.
 * A Taobao/Douyin order number is 18–19 digits, the same shape as a bank card or an ID card, so the shape alone
 * would hold every pasted order number. Two things decide: the number's own check digit (a bank card passes
 * Luhn, an ID card GB 11643's ISO 7064 MOD 11-2 with a real birth date; a random order number fails them
 * 9 times in 10) and the words around it (订单号, 运单号, 货号… make any number clean).
 */

export type NumberCheck = 'luhn' | 'id-card' | 'cn-mobile';

const digitsOf = (text: string) => text.replace(/[^0-9xX]/g, '');

/** Luhn (ISO/IEC 7812): what every bank card number passes. */
export function luhn(number: string): boolean {
  const d = digitsOf(number);
  if (!/^\d{12,19}$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    let n = d.charCodeAt(d.length - 1 - i) - 48;
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643-1999: 6-digit area, a real birth date, 3-digit sequence, MOD 11-2 check character. */
export function idCard(number: string): boolean {
  const d = digitsOf(number).toUpperCase();
  if (!/^\d{17}[\dX]$/.test(d)) return false;
  const year = Number(d.slice(6, 10));
  const month = Number(d.slice(10, 12));
  const day = Number(d.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || year > 2100 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (d.charCodeAt(i) - 48) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === d[17];
}

/** A mainland mobile number: 11 digits, 1 then 3–9. */
export function cnMobile(number: string): boolean {
  return /^1[3-9]\d{9}$/.test(digitsOf(number));
}

export function passes(check: NumberCheck, number: string): boolean {
  return check === 'luhn' ? luhn(number) : check === 'id-card' ? idCard(number) : cnMobile(number);
}
