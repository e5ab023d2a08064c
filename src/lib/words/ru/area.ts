export const area = {
};
