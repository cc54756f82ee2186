export declare function policy(scriptSrc: string, more?: string[]): string;
export declare const API_CSP: string;
export declare const SECURITY_HEADERS: { key: string; value: string }[];
