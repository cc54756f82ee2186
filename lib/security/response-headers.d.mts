export declare const API_CSP: string;
export declare const SECURITY_HEADERS: { key: string; value: string }[];
